/**
 * The range the weight sliders run over, on every surface (the app and the participant page).
 * Stored weights are raw and normalised when scored. Kept apart from the schemas in model.ts so
 * the pages can read it without loading zod at start.
 */
export const DEFAULT_WEIGHT = 50;
export const MAX_SLIDER_WEIGHT = 100;
