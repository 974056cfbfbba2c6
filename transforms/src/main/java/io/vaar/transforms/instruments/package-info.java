/**
 * The questionnaires an audit administers. An {@link io.vaar.transforms.instruments.Instrument}
 * is one block of items on one {@link io.vaar.transforms.instruments.ResponseScale}, read from a
 * versioned YAML or JSON file by {@link io.vaar.transforms.instruments.InstrumentReader}; an
 * {@link io.vaar.transforms.instruments.InstrumentSet} is the built-in trio (privacy concern,
 * prosocialness, acceptance of data sharing) or a user's folder of files that replaces it.
 */
package io.vaar.transforms.instruments;
