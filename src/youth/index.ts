// What other features may use of the youth feature (.dependency-cruiser.cjs: features-through-their-index).
export { followPathway } from './pathway.ts';
