import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const MAX_BYTES: number;
export declare function speedTestHandler(options?: { mbps?: number }): (req: IncomingMessage, res: ServerResponse) => void;
