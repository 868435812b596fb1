/** The vega-embed global of the inlined UMD bundle (only what the page uses). */
interface VegaView {
  toImageURL(type: 'svg' | 'png', scaleFactor?: number): Promise<string>;
  addEventListener(type: string, handler: (event: Event, item: { datum?: unknown } | null | undefined) => void): void;
  finalize(): void;
}
declare function vegaEmbed(
  el: HTMLElement,
  spec: object,
  options?: object,
): Promise<{ view: VegaView; finalize(): void }>;
