/** Shown instead of the app when /config.json is missing or invalid. */
export function ConfigErrorPage({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-2xl space-y-3 p-8">
      <h1 className="text-xl font-semibold">Loupe is not configured correctly</h1>
      <p className="text-sm">
        The runtime configuration (<code>config.json</code>, served next to <code>index.html</code>) could not be used:
      </p>
      <pre role="alert" className="rounded-md bg-red-50 p-3 text-sm whitespace-pre-wrap text-red-800 dark:bg-red-950/40 dark:text-red-300">
        {message}
      </pre>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It needs at least <code>{'{"keystoneUrl": "https://keystone.example.com/v3"}'}</code>. See the README section “Pointing Loupe at a
        cloud”.
      </p>
    </main>
  );
}
