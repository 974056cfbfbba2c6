package io.vaar.transforms.chat;

/**
 * Why a model stopped writing. {@link #CONTENT_FILTER} means the provider withheld or cut the
 * answer for safety reasons, which the protocol records as a refusal rather than a parse failure.
 */
public enum FinishReason { STOP, LENGTH, CONTENT_FILTER, OTHER }
