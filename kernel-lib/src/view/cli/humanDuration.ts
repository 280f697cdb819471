/**
 * docker/go-units `HumanDuration` (duration.go), the wording behind "CREATED  2 years ago".
 * One implementation serves both `docker ps` STATUS (container) and the CLI views: the view sits
 * above the container module, so it re-exports that one rather than keeping a copy.
 */
export { goHumanDuration as humanDuration } from '../../container/containerStatus';
