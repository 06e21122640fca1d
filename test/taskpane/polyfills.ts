/** What jsdom lacks and the pane's libraries use, as browsers have it. Import first. */
import { TextDecoder, TextEncoder } from 'util';

// The xlsx adapter decodes and encodes text.
Object.assign(globalThis, { TextDecoder, TextEncoder });

// Fluent UI's MessageBar watches its size; jsdom has no layout, so nothing ever changes size.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) Object.assign(window, { ResizeObserver: ResizeObserverStub });
