import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { MoonIcon, SunIcon } from '@/components/ui/icons';
import { useTheme } from '@/components/ui/theme';
import { paths } from '@/config/paths';
import { useSignOut } from '@/features/auth/api/auth-api';
import { usePermissions, useSession } from '@/lib/session';

export function UserMenu() {
  const session = useSession();
  const { isAdmin, readOnly } = usePermissions();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [theme, toggleTheme] = useTheme();
  const role = isAdmin ? 'admin' : readOnly ? 'reader' : 'member';
  return (
    <div className="flex items-center gap-2">
      <span className="text-xs text-slate-600 dark:text-slate-300" title={`Roles: ${session.roles.join(', ') || 'none'}`}>
        <span className="font-medium">{session.user.name}</span> · <span data-testid="role">{role}</span>
      </span>
      <Button variant="ghost" size="sm" onClick={toggleTheme} aria-label={theme === 'dark' ? 'Use light theme' : 'Use dark theme'}>
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          signOut();
          void navigate(paths.login);
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
