import { describe, expect, it } from 'vitest';
import { rulesFromSchema } from '@/features/metadefs/api/property-schema-query';

describe('rulesFromSchema', () => {
  it('takes the types and the name limit from Glance’s property schema (as served live)', () => {
    const live = {
      properties: {
        name: { type: 'string', maxLength: 80 },
        type: { type: 'string', enum: ['array', 'boolean', 'integer', 'number', 'object', 'string', null] },
      },
      required: ['type', 'title', 'name'],
    };
    expect(rulesFromSchema(live)).toEqual({ types: ['string', 'integer', 'number', 'boolean', 'array', 'object'], nameMax: 80 });
  });

  it('keeps only the types the editor knows, and falls back when the schema says nothing', () => {
    expect(rulesFromSchema({ properties: { name: { maxLength: 40 }, type: { enum: ['string', 'date', null] } } })).toEqual({ types: ['string'], nameMax: 40 });
    expect(rulesFromSchema({})).toEqual({ types: ['string', 'integer', 'number', 'boolean', 'array', 'object'], nameMax: 80 });
  });
});
