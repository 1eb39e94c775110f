import { CHROMIUM_ARGS, chromiumPath as chromiumPathFor } from '../service/printing/chromium';

/** The browser the suite drives: the same Chromium and flags the PDF export uses. */
export const chromiumPath = chromiumPathFor();
export const chromiumArgs = CHROMIUM_ARGS;
