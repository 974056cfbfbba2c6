/**
 * From archived answers to analysis data: {@link io.vaar.transforms.analysis.ItemScores} turns a
 * session's item responses into one wide row of scored items (reverse keys re-scored, missing
 * answers as {@code NaN}), and {@link io.vaar.transforms.analysis.StudyModel} writes the study's
 * structural model in lavaan syntax for the instruments in use.
 */
package io.vaar.transforms.analysis;
