/**
 * The assessment protocol of shared/docs/method.md. {@link
 * io.vaar.transforms.protocol.SessionProtocol} runs one {@link
 * io.vaar.transforms.protocol.SessionSpec} (run, model, persona, replicate) as one bounded,
 * history-carrying chat; {@link io.vaar.transforms.protocol.PromptTemplates} holds every sentence
 * sent; {@link io.vaar.transforms.protocol.LikertAnswerParser} turns replies into scale points
 * without guessing; the result is Avro {@code ItemResponse} and {@code SessionRecord} records.
 * Everything is reproducible from the run's seed through {@link
 * io.vaar.transforms.protocol.StableHash}.
 */
package io.vaar.transforms.protocol;
