import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { getRuntimeConfig } from '@/config/runtime-config';
import { afterLogin } from '@/config/paths';
import { describeLoginError, useSignIn } from '@/features/auth/api/auth-api';

const passwordSchema = z.object({
  domain: z.string().trim().min(1, 'Enter the domain (usually Default).'),
  username: z.string().trim().min(1, 'Enter your user name.'),
  password: z.string().min(1, 'Enter your password.'),
});
const appCredentialSchema = z.object({
  id: z.string().trim().min(1, 'Enter the application credential ID.'),
  secret: z.string().min(1, 'Enter the secret.'),
});

type Method = 'password' | 'application_credential';

function useAfterSignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = afterLogin(location.state);
  return () => navigate(returnTo, { replace: true });
}

function LoginError({ error, domain }: { error: unknown; domain?: string }) {
  const { title, detail } = describeLoginError(error, domain);
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">{title}</p>
      <p className="mt-0.5 text-red-700 dark:text-red-300/90">{detail}</p>
    </div>
  );
}

function PasswordForm() {
  const config = getRuntimeConfig();
  const signIn = useSignIn();
  const done = useAfterSignIn();
  const form = useForm({
    resolver: zodResolver(passwordSchema),
    defaultValues: { domain: config.defaultDomain, username: '', password: '' },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((login) => signIn.mutate({ kind: 'password', login }, { onSuccess: done }));
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Domain" error={errors.domain?.message}>
        <input className={inputClass} autoComplete="off" {...form.register('domain')} />
      </Field>
      <Field label="User name" error={errors.username?.message}>
        <input className={inputClass} autoComplete="username" {...form.register('username')} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <input type="password" className={inputClass} autoComplete="current-password" {...form.register('password')} />
      </Field>
      {signIn.isError && <LoginError error={signIn.error} domain={form.getValues('domain')} />}
      <Button type="submit" variant="primary" className="w-full" busy={signIn.isPending}>
        Sign in
      </Button>
    </form>
  );
}

function ApplicationCredentialForm() {
  const signIn = useSignIn();
  const done = useAfterSignIn();
  const form = useForm({ resolver: zodResolver(appCredentialSchema), defaultValues: { id: '', secret: '' } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((value) =>
    signIn.mutate({ kind: 'application_credential', ...value }, { onSuccess: done }),
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Application credential ID" error={errors.id?.message}>
        <input className={inputClass} autoComplete="off" spellCheck={false} {...form.register('id')} />
      </Field>
      <Field label="Secret" error={errors.secret?.message}>
        <input type="password" className={inputClass} autoComplete="off" {...form.register('secret')} />
      </Field>
      {signIn.isError && <LoginError error={signIn.error} />}
      <Button type="submit" variant="primary" className="w-full" busy={signIn.isPending}>
        Sign in with credential
      </Button>
    </form>
  );
}

export function LoginPage() {
  const config = getRuntimeConfig();
  const [method, setMethod] = useState<Method>('password');
  const tabs: { id: Method; label: string }[] = [
    { id: 'password', label: 'Password login' },
    { id: 'application_credential', label: 'Application credential' },
  ];
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-5">
        <div className="text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Loupe</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">Images on {config.cloudName}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div role="tablist" aria-label="Sign-in method" className="mb-4 grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 dark:bg-slate-800">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`tab-${tab.id}`}
                aria-selected={method === tab.id}
                aria-controls={`panel-${tab.id}`}
                onClick={() => setMethod(tab.id)}
                className={cn(
                  'rounded px-2 py-1 text-xs font-medium',
                  method === tab.id ? 'bg-white shadow-sm dark:bg-slate-700' : 'text-slate-600 dark:text-slate-300',
                )}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${method}`} aria-labelledby={`tab-${method}`}>
            {method === 'password' ? <PasswordForm /> : <ApplicationCredentialForm />}
          </div>
        </div>
        {config.loginHint && <p className="text-center text-xs whitespace-pre-line text-slate-500 dark:text-slate-400">{config.loginHint}</p>}
      </div>
    </main>
  );
}
