import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { authKeys } from '@/features/auth/api/auth-keys';
import { keystoneWithSession } from '@/lib/glance';

const projectsSchema = z.looseObject({ projects: z.array(z.looseObject({ id: z.string(), name: z.string() })) });

/**
 * Project names by ID, to show owners by name; unknown owners stay as IDs. Admins may list
 * every project; everyone else (and an admin whom Keystone refuses) gets the names of their
 * own projects, without a doomed call first.
 */
export const projectNamesQuery = (userId: string, isAdmin: boolean) =>
  queryOptions({
    queryKey: authKeys.projectNames(userId, isAdmin),
    queryFn: async ({ signal }) => {
      const keystone = keystoneWithSession();
      const names = new Map<string, string>();
      for (const path of isAdmin ? ['projects', 'auth/projects'] : ['auth/projects']) {
        try {
          const body = await keystone.json(path, projectsSchema, { signal });
          for (const project of body.projects) names.set(project.id, project.name);
          return names;
        } catch {
          // not allowed to list every project: fall back to the user's own
        }
      }
      return names;
    },
    staleTime: 10 * 60_000,
  });
