export { LayerlabError } from './LayerlabError';
