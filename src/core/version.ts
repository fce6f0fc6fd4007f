/** The tool's own version, written into every workbook it sets up. Kept equal to package.json by a test. */
export const TOOL_NAME = "Impact Returns";
export const TOOL_VERSION = "0.1.0";
/**
 * The name and version as people quote them ("Impact Returns 0.1.0"): on the hidden Framework
 * sheet, in the footer of every printed summary, sector, bulletin and feedback sheet, and in the
 * task pane's About line.
 */
export const TOOL_LABEL = `${TOOL_NAME} ${TOOL_VERSION}`;
