import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/index.css';
import { App } from '@/app/app';
import { ConfigErrorPage } from '@/app/config-error-page';
import { applyTheme } from '@/components/ui/theme';
import { loadRuntimeConfig, setRuntimeConfig } from '@/config/runtime-config';

applyTheme();
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
