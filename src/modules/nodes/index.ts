export type { NodeLoader } from './nodeLoaders.js';
