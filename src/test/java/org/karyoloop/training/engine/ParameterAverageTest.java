package org.karyoloop.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameter mean that the AVERAGE checkpoint keeps. */
class ParameterAverageTest {

    @Test
    void applyingSetsEveryParameterIncludingBatchNormStatisticsToTheMeanOfThoseAdded() {
        try (Model model = Model.newInstance("average", "PyTorch")) {
            SequentialBlock block = new SequentialBlock().add(BatchNorm.builder().build())
                    .add(Linear.builder().setUnits(3).build());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 4));
            List<Parameter> parameters = block.getParameters().values();
            assertThat(parameters.stream().map(Parameter::getType)).contains(Parameter.Type.RUNNING_MEAN);
            ParameterAverage average = new ParameterAverage(block);

            fill(parameters, 1f);
            average.add();
            fill(parameters, 2f);
            average.add();
            fill(parameters, 6f);
            average.add();
            average.apply();

            assertThat(average.count()).isEqualTo(3);
            for (Parameter p : parameters) {
                float[] v = p.getArray().toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    assertThat(v[i]).as(p.getName() + "[" + i + "]").isEqualTo(3f + i);
                }
            }
        }
    }

    @Test
    void anAverageOfNothingIsRefused() {
        try (Model model = Model.newInstance("average", "PyTorch")) {
            Linear block = Linear.builder().setUnits(2).build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));

            assertThatThrownBy(() -> new ParameterAverage(block).apply()).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Sets element i of every parameter to {@code base + i}. */
    private static void fill(List<Parameter> parameters, float base) {
        for (Parameter p : parameters) {
            float[] v = new float[Math.toIntExact(p.getArray().size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = base + i;
            }
            p.getArray().set(v);
        }
    }
}
