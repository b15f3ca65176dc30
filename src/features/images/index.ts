// The images feature's public entry point: what src/app/ and other features may use.
export { imageKeys } from '@/features/images/api/image-keys';
export { imageLabel } from '@/features/images/api/image-schema';
