export { initiativeMutations } from './initiatives.mutations.js';
