/** Text after normalisation, with the way back to offsets in the caller's original string. */
export interface NormalizedText {
  /** The normalised text the pipeline reads. */
  text: string;
  /** Maps an offset in `text` (0..text.length inclusive) to the offset in the original string. */
  toOriginal(offset: number): number;
}

/** A sentence of the normalised text. Offsets are into `NormalizedText.text`. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  /** Headlines, standfirsts and other lines without final punctuation that are not running text. */
  headline: boolean;
  /** Index of the paragraph (block of text separated by blank lines or line breaks) holding the sentence. */
  paragraph: number;
}

/** A character range the pipeline skips: page furniture such as captions, credits, "Advertisement". */
export interface SkippedRange {
  start: number;
  end: number;
  reason: string;
}
