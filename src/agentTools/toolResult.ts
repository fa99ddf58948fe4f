// A tool's answer as text, the same for every host: our own sentences, with anything from Exotel inside data blocks
// (see toolData.ts). `isError` marks a failure or refusal, for hosts that flag one (MCP's isError). Editor-free.
import { redact, ValidationError } from '../exotel';
import { dataBlock } from './toolData';
import { errorMessage } from '../base/errorMessage';

export interface ToolAnswer {
  text: string;
  isError?: boolean;
}

export function answer(...parts: string[]): ToolAnswer {
  return { text: parts.filter(Boolean).join('\n\n') };
}

/** An answer that says the request was refused or failed. */
export function refusal(...parts: string[]): ToolAnswer {
  return { ...answer(...parts), isError: true };
}

/** A failure as an answer the model can read; the message may quote Exotel, so it is data too. */
export function errorAnswer(what: string, err: unknown): ToolAnswer {
  const message = errorMessage(err);
  // A bad input is caught before any request: say so, since the model may otherwise retry blindly.
  return refusal(err instanceof ValidationError ? `${what} Nothing was sent: the input was refused.` : what, dataBlock([['error', redact(message)]]));
}

export const NOT_SIGNED_IN = 'Not signed in to Exotel, so nothing was sent. Ask the user to run “Exotel: Sign In” or “Exotel: Start Sandbox”.';
