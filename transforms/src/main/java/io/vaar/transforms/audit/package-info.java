/**
 * An audit as a pipeline runs it. {@link io.vaar.transforms.audit.AuditPlan} is the validated,
 * serializable description every worker receives (config, instruments, personas, output);
 * {@link io.vaar.transforms.audit.SessionRunner} runs one {@link
 * io.vaar.transforms.audit.SessionTask} in plain Java; the Beam transforms {@link
 * io.vaar.transforms.audit.RunSessions}, {@link io.vaar.transforms.audit.ScoreSessions},
 * {@link io.vaar.transforms.audit.SummarizeModels} and {@link
 * io.vaar.transforms.audit.AnalyseStudy} only adapt records to them.
 */
package io.vaar.transforms.audit;
