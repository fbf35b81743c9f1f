import { countTokens } from "../../agents/analysts/tokens.js";
import { FakeOpenAIServer, type FakeReply, type FakeRequest } from "../../testing/fakeOpenAI.js";

interface ToolSpec {
  function?: { name?: string; parameters?: { properties?: { department?: { enum?: string[] } } } };
}

/** A fixed answer per kind of request: mechanics, not judgment. */
function answer(req: FakeRequest): { toolCall?: { name: string; args: Record<string, unknown> }; content?: string } {
  const tools = (req.body.tools ?? []) as ToolSpec[];
  const report = tools.find((t) => t.function?.name === "session_report");
  if (report) {
    const department = report.function?.parameters?.properties?.department?.enum?.[0] ?? "product";
    const args = { userIntent: "Use the product.", userSuccess: "Unclear (a fixed fake answer).", improvement: "", department, score: 5, outcome: "partial", evidence: ["e1"] };
    return { toolCall: { name: "session_report", args } };
  }
  if (tools.some((t) => t.function?.name === "same_need")) return { toolCall: { name: "same_need", args: { groups: [] } } };
  // The PM's investigation and Skynet's coding agent: an answer without tool calls ends their loops.
  return { content: "No finding (a fixed fake answer)." };
}

/**
 * The local fake OpenAI-compatible server behind `--model fake`. Its usage figures are real token
 * counts (o200k) of what it was sent and what it answered, so the run shows the request sizes the
 * LLM paths produce; the answers themselves are fixed and judge nothing.
 */
export function fakeModelServer(): FakeOpenAIServer {
  return new FakeOpenAIServer((req): FakeReply => {
    const { toolCall, content } = answer(req);
    const prompt = countTokens(JSON.stringify(req.body.messages ?? [])) + countTokens(JSON.stringify(req.body.tools ?? []));
    const completion = countTokens(toolCall ? JSON.stringify(toolCall.args) : (content ?? ""));
    const message = toolCall
      ? { role: "assistant", content: null, tool_calls: [{ id: "call_0", type: "function", function: { name: toolCall.name, arguments: JSON.stringify(toolCall.args) } }] }
      : { role: "assistant", content };
    return {
      raw: JSON.stringify({
        id: "chatcmpl-evals-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: req.body.model ?? "fake",
        choices: [{ index: 0, message, finish_reason: toolCall ? "tool_calls" : "stop" }],
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
      }),
    };
  });
}
