// Shared with the other features: web/src/components/useApi.ts
export { useLoad } from '../../components/useApi.ts';
