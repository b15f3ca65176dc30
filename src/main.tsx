import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/index.css';
import { App } from '@/app/app';
import { ConfigErrorPage } from '@/app/config-error-page';
import { applyTheme } from '@/components/ui/theme';
import { loadRuntimeConfig, setRuntimeConfig } from '@/config/runtime-config';

applyTheme();

// `npm run bench:transfer` builds its own bundle with VITE_LOUPE_BENCH=1 so it can time the
// hasher alone inside the running app (its uploads go through the create form).
// In every other build the condition is false at build time and this is dropped.
if (import.meta.env.VITE_LOUPE_BENCH === '1') {
  void import('@/features/transfers').then(({ hashBlob }) => Object.assign(window, { loupeBench: { hashBlob } }));
}
const root = createRoot(document.getElementById('root') as HTMLElement);

loadRuntimeConfig().then(
  (config) => {
    setRuntimeConfig(config);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<ConfigErrorPage message={error instanceof Error ? error.message : String(error)} />),
);
