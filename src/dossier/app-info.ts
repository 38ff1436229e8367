// Name and version written into exported files, so a file says which app produced it.
import { version } from '../../package.json';

export interface AppInfo {
  name: string;
  version: string;
}

export const appInfo: AppInfo = { name: 'HTA Workbench', version };
