export type { Content } from './Content';
