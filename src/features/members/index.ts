// The members feature's public entry point: what src/app/ and other features may use.
// Its page (Shared with me) is in pages.ts.
export { MembersLoseAccessWarning } from '@/features/members/components/members-lose-access-warning';
