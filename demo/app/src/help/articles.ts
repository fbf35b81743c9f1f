// Help-center articles and their search. A query matches an article only when
// every word of it appears, so long questions do not drown in common words.

export interface Article {
  slug: string;
  title: string;
  body: string;
}

export const ARTICLES: readonly Article[] = [
  { slug: "create-workflow", title: "Create your first workflow", body: "Open Workflows, click New workflow, pick a trigger and add steps such as send email or update CRM." },
  { slug: "publish-workflow", title: "Publish a workflow", body: "Open the workflow settings and click Publish. Published workflows run whenever their trigger fires." },
  { slug: "connect-hubspot", title: "Connect HubSpot", body: "Go to Integrations, click Connect HubSpot and approve access. Contacts sync right away; companies sync is optional." },
  { slug: "import-contacts", title: "Import contacts from a CSV file", body: "Go to Import, upload a CSV with an email column and, optionally, name and company columns." },
  { slug: "ai-tools", title: "Run AI tools", body: "The Tools page runs tools such as classify lead, summarize thread and enrich company on demand or as a workflow step." },
  { slug: "run-history", title: "Read a workflow's run history", body: "Each workflow has a Runs tab listing when it ran, in the workflow timezone, and whether it succeeded." },
];

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1)
    .map((word) => (word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word));
}

export function searchArticles(query: string): Article[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  return ARTICLES.filter((article) => {
    const have = new Set(words(`${article.title} ${article.body}`));
    return wanted.every((word) => have.has(word));
  });
}
