// Query keys for Keystone reads, from general to specific.
export const authKeys = {
  all: ['auth'] as const,
  projects: (userId: string) => [...authKeys.all, 'projects', userId] as const,
  projectNames: (userId: string, isAdmin: boolean) => [...authKeys.all, 'project-names', userId, isAdmin] as const,
};
