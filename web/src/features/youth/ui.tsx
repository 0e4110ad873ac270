// The form controls are shared: web/src/components/FormControls.tsx
export { Select, TextArea, Checkboxes } from '../../components/FormControls.tsx';
