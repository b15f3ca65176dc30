// Every `import … from 'zod'` resolves here (vite.config.ts aliases it), so this runs before
// any schema is built: zod decides at construction whether to compile parsers with `new
// Function`, after probing whether eval is allowed. Under Loupe's CSP (script-src 'self', no
// 'unsafe-eval') that probe is a violation on every load, and a report with a report-uri.
// Interpreted parsing is fast enough for API answers.
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
