// The cap findings are worded by the application layer's message catalogue (shared with the API and the web app).
export { capFindingLines } from '@fundladder/app';
