/**
 * From archived answers to a judgement: {@link io.vaar.transforms.analysis.ItemScores} turns a
 * session's item responses into one wide row of scored items (reverse keys re-scored, missing
 * answers as {@code NaN}); {@link io.vaar.transforms.analysis.StudyModel} writes the study's
 * structural model in lavaan syntax for the instruments in use; {@link
 * io.vaar.transforms.analysis.VaarScore} judges each group's paths against the {@link
 * io.vaar.transforms.analysis.ExpectedPath} signs of the {@link
 * io.vaar.transforms.analysis.HumanReference} (the literature's defaults) or, when human data
 * are given ({@link io.vaar.transforms.analysis.HumanReferenceCsv} reads them into a {@link
 * io.vaar.transforms.analysis.HumanSample}), of the significant paths of the human group fitted
 * beside the models ({@link io.vaar.transforms.analysis.ReferenceGroup}); {@link
 * io.vaar.transforms.analysis.VaarBootstrap} resamples each model's sessions for VAAR's interval,
 * each path's interval and the soft VAAR.
 */
package io.vaar.transforms.analysis;
