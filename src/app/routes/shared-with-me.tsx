export { SharedWithMePage as Component } from '@/features/members/components/shared-with-me-page';
