// The auth feature's public entry point: what src/app/ and other features may use.
export { LoginPage } from '@/features/auth/components/login-page';
export { ReloginDialog } from '@/features/auth/components/relogin-dialog';
export { ScopeSwitcher } from '@/features/auth/components/scope-switcher';
export { UserMenu } from '@/features/auth/components/user-menu';
export { projectNamesQuery } from '@/features/auth/api/project-queries';
