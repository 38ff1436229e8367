import './zod-setup';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { PlatformProvider } from './platform/platform-context';
import { selectPlatform } from './platform/select-platform';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <PlatformProvider platform={selectPlatform()}>
      <App />
    </PlatformProvider>
  </StrictMode>,
);
