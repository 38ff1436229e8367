import { AppFrame } from '../layout/app-frame';
import { ToastProvider } from '../ui/toasts';
import { useRoute } from './use-route';

export function App() {
  const [route] = useRoute();
  return (
    <ToastProvider>
      <AppFrame activeNav="library" title={<span className="current">Dossier library</span>}>
        <div className="page" data-testid="route-page">{route.page}</div>
      </AppFrame>
    </ToastProvider>
  );
}
