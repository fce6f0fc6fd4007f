/** Progress of a long action, for the task pane's progress bar: what is happening and how far (0 to 1). */
export type ProgressListener = (step: string, fraction: number) => void;
