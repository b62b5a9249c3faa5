// Minimal types for @observablehq/inputs (the package ships none): the inputs the report uses.
declare module "@observablehq/inputs" {
  export function select<T>(
    data: readonly T[] | Map<string, T>,
    options?: {label?: string; value?: T; format?: (x: T) => string}
  ): HTMLElement & {value: T};
  export function range(
    extent: [number, number],
    options?: {label?: string; step?: number; value?: number; format?: (x: number) => string}
  ): HTMLElement & {value: number};
  export function radio<T>(data: readonly T[], options?: {label?: string; value?: T; format?: (x: T) => string}): HTMLElement & {value: T};
}
