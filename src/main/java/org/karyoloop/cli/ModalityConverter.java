package org.karyoloop.cli;

import org.karyoloop.ml.spread.Modality;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --modality} by its wire name ({@link Modality#parse}). Stateless. */
final class ModalityConverter implements ITypeConverter<Modality> {

    @Override
    public Modality convert(String value) {
        try {
            return Modality.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
