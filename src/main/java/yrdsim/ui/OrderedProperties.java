package yrdsim.ui;

import sim.util.Properties;
import sim.util.SimpleProperties;

/**
 * A bean's MASON properties in a fixed order under readable names. MASON finds bean properties
 * by reflection, which lists them in no particular order and names them after their getters;
 * an inspector of twenty numbers needs both fixed. Getters not in the layout are not shown.
 */
final class OrderedProperties extends Properties {

    private static final long serialVersionUID = 1L;

    private final Properties inner;
    private final int[] index;
    private final String[] names;

    /**
     * Properties of {@code bean} in the order of {@code layout}: pairs of a property name as MASON
     * derives it from the getter ({@code getWageTopUp} gives {@code WageTopUp}) and its label.
     *
     * @throws IllegalArgumentException when the layout names a property the bean does not have
     */
    OrderedProperties(Object bean, String... layout) {
        if (layout.length % 2 != 0) {
            throw new IllegalArgumentException("layout must be pairs of property name and label");
        }
        this.object = bean;
        this.inner = new SimpleProperties(bean, false, false, true);
        this.index = new int[layout.length / 2];
        this.names = new String[layout.length / 2];
        for (int i = 0; i < index.length; i++) {
            index[i] = find(layout[2 * i]);
            names[i] = layout[2 * i + 1];
        }
    }

    private int find(String property) {
        for (int k = 0; k < inner.numProperties(); k++) {
            if (inner.getName(k).equals(property)) {
                return k;
            }
        }
        throw new IllegalArgumentException(object.getClass().getSimpleName() + " has no property " + property);
    }

    @Override
    public boolean isVolatile() {
        return inner.isVolatile();
    }

    @Override
    public int numProperties() {
        return index.length;
    }

    @Override
    public Object getValue(int i) {
        return inner.getValue(index[i]);
    }

    @Override
    public Object getDomain(int i) {
        return inner.getDomain(index[i]);
    }

    @Override
    public String getDescription(int i) {
        return inner.getDescription(index[i]);
    }

    @Override
    public boolean isReadWrite(int i) {
        return inner.isReadWrite(index[i]);
    }

    @Override
    public boolean isComposite(int i) {
        return inner.isComposite(index[i]);
    }

    @Override
    public String getName(int i) {
        return names[i];
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getType(int i) {
        return inner.getType(index[i]);
    }

    @Override
    protected Object _setValue(int i, Object value) {
        return inner.setValue(index[i], value);
    }
}
