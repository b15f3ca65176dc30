import { deployWithNginx as deploy } from '../../scripts/deploy/nginx-local.mjs';
import { seed } from './stack';

// The reference nginx deployment (scripts/deploy/) in front of this test's stack.
export interface NginxDeployment {
  url: string;
  base: string;
  dist: string;
  stop: () => void;
}

export function deployWithNginx(port: number, base: string): Promise<NginxDeployment> {
  return deploy({ port, base, keystoneUrl: new URL(seed().keystone_url).origin, glanceUrl: seed().glance_url });
}
