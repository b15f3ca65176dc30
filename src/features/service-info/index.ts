// The service-info feature's public entry point: what src/app/ uses.
export { ServiceInfo } from '@/features/service-info/components/service-info';
