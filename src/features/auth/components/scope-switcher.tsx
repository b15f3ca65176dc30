import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { toast } from '@/components/ui/toast';
import { inputClass } from '@/components/ui/field';
import { SelectOptions } from '@/components/ui/select-field';
import { paths } from '@/config/paths';
import { describeLoginError, myProjectsQuery, useSwitchProject, useSwitchRegion } from '@/features/auth/api/auth-api';
import { regionsFor, useSession } from '@/lib/session';

/** Project and region pickers for the header. */
export function ScopeSwitcher() {
  const session = useSession();
  const navigate = useNavigate();
  const projects = useQuery(myProjectsQuery(session));
  const switchProject = useSwitchProject();
  const switchRegion = useSwitchRegion();
  const regions = regionsFor(session.catalog, 'image');
  const options = projects.data ?? [{ id: session.project.id, name: session.project.name }];
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
        Project
        <select
          className={`${inputClass} w-40 py-1`}
          value={session.project.id}
          disabled={session.method !== 'password' || switchProject.isPending}
          title={session.method !== 'password' ? 'An application credential is bound to one project.' : undefined}
          onChange={(event) =>
            switchProject.mutate(event.target.value, {
              onSuccess: (next) => {
                toast('info', `Now working in project ${next.project.name}`);
                void navigate(paths.images);
              },
              onError: (error) => {
                const { title, detail } = describeLoginError(error);
                toast('error', title, detail);
              },
            })
          }
        >
          <SelectOptions options={options.map((project) => ({ value: project.id, label: project.name }))} />
        </select>
      </label>
      {regions.length > 1 && (
        <label className="flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
          Region
          <select className={`${inputClass} w-32 py-1`} value={session.region ?? ''} onChange={(event) => switchRegion(event.target.value)}>
            {regions.map((region) => (
              <option key={region}>{region}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
