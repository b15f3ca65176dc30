import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { describeLoginError, useRenewSession, useSignOut } from '@/features/auth/api/auth-api';
import { useSessionState } from '@/lib/session';

const schema = z.object({ password: z.string().min(1, 'Enter your password.') });

/**
 * Opens over the current page when the token expires or is refused. The page underneath
 * stays mounted, so its unsaved input survives; after signing in, failed reads run again.
 */
export function ReloginDialog() {
  const { session, expired } = useSessionState();
  const renew = useRenewSession();
  const signOut = useSignOut();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { password: '' } });
  if (!session) return null;
  const appCredential = session.method === 'application_credential';
  const onSubmit = form.handleSubmit(({ password }) => renew.mutate({ password }, { onSuccess: () => form.reset() }));
  const problem = renew.isError ? describeLoginError(renew.error) : null;
  return (
    <Dialog open={expired} title="Your session has expired">
      <p>
        Sign in again as <strong>{session.user.name}</strong> to continue in project <strong>{session.project.name}</strong>. Nothing on
        this page is lost.
      </p>
      {appCredential ? (
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => signOut()}>
            Sign in again
          </Button>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <Field label="Password" error={form.formState.errors.password?.message}>
            <input
              type="password"
              className={inputClass}
              autoComplete="current-password"
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog exists to take this one input
              autoFocus
              {...form.register('password')}
            />
          </Field>
          {problem && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {problem.title}. {problem.detail}
            </p>
          )}
          <div className="flex justify-between gap-2">
            <Button variant="ghost" onClick={() => signOut()}>
              Sign out instead
            </Button>
            <Button type="submit" variant="primary" busy={renew.isPending}>
              Continue
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
