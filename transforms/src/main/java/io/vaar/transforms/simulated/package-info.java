/**
 * Simulated respondents ({@code provider: simulated}): a {@link
 * io.vaar.transforms.simulated.SimulatedChatModel} that needs no network and no key. It reads the
 * prompt text as a real model would, recognises the item by its statement, and answers from a
 * latent-trait model whose structural weights are set by a {@link
 * io.vaar.transforms.simulated.SimulatedProfile}, so an audit of it has a known ground truth.
 * Records from it are marked {@code simulated} everywhere.
 */
package io.vaar.transforms.simulated;
