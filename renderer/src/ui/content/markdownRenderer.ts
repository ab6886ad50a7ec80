import DOMPurify from 'dompurify';
import { createDocumentRenderer } from '../../core/markdown/renderMarkdown';

/**
 * The app's one Markdown renderer: the core pipeline (markdown-it with the ordered content rules,
 * then DOMPurify once, last) bound to this window's DOMPurify. `import DOMPurify from 'dompurify'`
 * is already an instance bound to `window`, so the pipeline is built once, when this module loads,
 * and the reader and the workshop slides share it.
 */
export const renderMarkdown = createDocumentRenderer(DOMPurify);
