// /templates/[id]: the editor re-renders the preview on every keystroke.
import { renderTemplate, variablesOf } from "../templates/render.js";

export function updatePreview(editor, source) {
  const html = renderTemplate(source, editor.testData);
  editor.setPreview(html);
  editor.setVariables(variablesOf(source));
  return html;
}

export async function publishTemplate(app, id, source) {
  const result = await app.api.post(`/v1/templates/${id}/publish`, { source });
  if (result.ok) app.track("template_published", { id, variables: variablesOf(source).length });
  return result;
}
